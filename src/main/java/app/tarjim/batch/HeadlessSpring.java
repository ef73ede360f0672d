package app.tarjim.batch;

/**
 * What a Spring context without the web server (the {@code batch} command, worker-only JVMs) must leave out:
 * Vaadin's and Hilla's auto-configurations, which need a servlet context and fail without one.
 */
public final class HeadlessSpring {

    /** The value for {@code spring.autoconfigure.exclude}; a constant so tests can use it in annotations. */
    public static final String EXCLUDE = "com.vaadin.flow.spring.SpringBootAutoConfiguration,"
            + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,"
            + "com.vaadin.hilla.EndpointController,"
            + "com.vaadin.hilla.push.PushConfigurer,"
            + "com.vaadin.hilla.startup.EndpointRegistryInitializer,"
            + "com.vaadin.hilla.startup.RouteUnifyingServiceInitListener,"
            + "com.vaadin.hilla.route.RouteUtil,"
            + "com.vaadin.hilla.route.RouteUnifyingConfiguration,"
            + "com.vaadin.hilla.signals.config.SignalsConfiguration";

    private HeadlessSpring() {
    }
}
