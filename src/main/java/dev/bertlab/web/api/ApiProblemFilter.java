package dev.bertlab.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error under /api answers as application/problem+json with its status. Without this, what the controllers'
 * advice does not see (a wrong method or media type, an unknown path, a failure nobody caught) goes to the
 * servlet container's error page, which the dashboard's login guards: the client got a 302 to /login.
 * A {@code sendError} is written here as a problem instead; an exception that escapes becomes 413 for a body over
 * the limit, 400 for a request the firewall rejects, or 500 whose detail leaves the cause in the log.
 */
class ApiProblemFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemFilter.class);

    private final ObjectMapper json;

    ApiProblemFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, new ProblemResponse(request, response));
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            RequestBodyTooLargeException tooLarge = cause(e, RequestBodyTooLargeException.class);
            if (tooLarge != null) {
                write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            } else if (cause(e, RequestRejectedException.class) != null) {
                write(request, response, HttpStatus.BAD_REQUEST, cause(e, RequestRejectedException.class)
                        .getMessage());
            } else {
                log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
                write(request, response, HttpStatus.INTERNAL_SERVER_ERROR,
                        "the server failed on this request; its log has the details");
            }
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        byte[] body = json.writeValueAsBytes(problem);
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // a length, not chunks: the client has the whole answer even while Tomcat still waits for an unread body
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** What a status sent as an error means here, in words a client can act on. */
    private static String detail(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String message) {
        return switch (status) {
            case METHOD_NOT_ALLOWED -> request.getMethod() + " is not allowed on " + request.getRequestURI()
                    + (response.getHeader(HttpHeaders.ALLOW) == null ? ""
                    : "; allowed: " + response.getHeader(HttpHeaders.ALLOW));
            case UNSUPPORTED_MEDIA_TYPE -> "the body must be application/json, not "
                    + (request.getContentType() == null ? "without a Content-Type" : request.getContentType());
            case NOT_FOUND -> "no such API path: " + request.getRequestURI() + " (the paths are described at "
                    + "/api/v1/openapi)";
            case NOT_ACCEPTABLE -> "the API answers application/json only";
            default -> message == null || message.isBlank() ? status.getReasonPhrase() : message;
        };
    }

    /** Turns the container's error page into a problem written at once. */
    private final class ProblemResponse extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        ProblemResponse(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int code) throws IOException {
            sendError(code, null);
        }

        @Override
        public void sendError(int code, String message) throws IOException {
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null || isCommitted()) {
                super.sendError(code, message);
                return;
            }
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (request.getAttribute(RequestBodyTooLargeException.ATTRIBUTE)
                    instanceof RequestBodyTooLargeException tooLarge) {
                write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            } else {
                write(request, response, status, detail(request, response, status, message));
            }
        }
    }
}
