package app.tarjim.account.web;

import app.tarjim.account.AuditLog;
import app.tarjim.security.SignedIn;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;

/** The audit log as CSV, for admins signed in to the browser (the admin page links here). */
@RestController
class AuditCsvController {

    private final AuditLog audit;

    AuditCsvController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping(path = "/admin/audit.csv")
    ResponseEntity<String> csv() throws IOException {
        if (!SignedIn.current().map(SignedIn::admin).orElse(false)) {
            // Mode none has no admins, and nobody else may read who did what.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        StringBuilder out = new StringBuilder();
        audit.writeCsv(out);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("tarjim-audit.csv")
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out.toString());
    }
}
