/**
 * Document import and export: turning uploaded files and batch archives into plain article text
 * ({@link app.tarjim.document.in}) and translated articles into files people open elsewhere
 * ({@link app.tarjim.document.out}). Plain Java, no Spring or Vaadin, so the UI, the HTTP API, the CLI
 * and the batch jobs share it.
 */
package app.tarjim.document;
