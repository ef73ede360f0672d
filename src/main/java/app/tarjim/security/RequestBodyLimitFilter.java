package app.tarjim.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Caps the bodies of API requests ({@code /api/**}, or the paths given) that are parsed whole (JSON, forms) before anything parses them: a declared
 * length over the cap is refused at once, and a body without one (chunked) is read only up to the cap, so a
 * 50 MB JSON document never reaches the parser. Multipart uploads have their own limit
 * ({@code spring.servlet.multipart.*}) and are left to it.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** Writes the refusal of a body over {@code maxBytes}, in the error shape of the API the paths belong to. */
    @FunctionalInterface
    public interface Refusal {
        void write(HttpServletResponse response, long maxBytes) throws IOException;
    }

    private final long maxBytes;
    private final List<String> paths;
    private final Refusal refusal;

    public RequestBodyLimitFilter(long maxBytes, ObjectMapper json) {
        this(maxBytes, List.of("/api"), (response, max) -> Problems.write(json, response, HttpStatus.PAYLOAD_TOO_LARGE,
                "Request body too large", "Request bodies may be at most " + max / 1024 + " KB. Send long articles "
                        + "as a file to POST /api/v1/batches, or split them.", null));
    }

    /** @param paths the routed paths (and what lies under them) whose bodies are capped */
    public RequestBodyLimitFilter(long maxBytes, List<String> paths, Refusal refusal) {
        this.maxBytes = maxBytes;
        this.paths = List.copyOf(paths);
        this.refusal = refusal;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return paths.stream().noneMatch(path -> RequestPaths.isUnder(request, path))
                || (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response);
            return;
        }
        if (declared >= 0 || isForm(request)) {
            // The container reads no further than a declared length, and caps form bodies it parses itself
            // (server.tomcat.max-http-form-post-size), which must not be read here before it does.
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private void refuse(HttpServletResponse response) throws IOException {
        // The rest of the body is not read; closing the connection spares the client sending it.
        response.setHeader("Connection", "close");
        refusal.write(response, maxBytes);
    }

    /** A request whose body was already read (up to the cap) and is served from memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read synchronously");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
