package dev.bertlab.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit before anything parses it: at once from its Content-Length, and for a
 * chunked body (no Content-Length) as soon as the bytes read pass the limit.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final String reason;

    RequestBodyLimitFilter(DataSize limit) {
        this.limit = limit.toBytes();
        this.reason = "the body is over the limit of " + megabytes(limit) + " (bertlab.api.max-body-size)";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            throw new RequestBodyTooLargeException(reason + ": Content-Length is " + request.getContentLengthLong());
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    private static String megabytes(DataSize size) {
        return size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " MB"
                : size.toBytes() % DataSize.ofKilobytes(1).toBytes() == 0 ? size.toKilobytes() + " KB"
                : size.toBytes() + " bytes";
    }

    /** The request with its body counted as it is read. */
    private final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream body;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CountingInputStream(super.getInputStream(), this);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final HttpServletRequest request;
        private long count;

        CountingInputStream(ServletInputStream in, HttpServletRequest request) {
            this.in = in;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                RequestBodyTooLargeException tooLarge = new RequestBodyTooLargeException(reason);
                request.setAttribute(RequestBodyTooLargeException.ATTRIBUTE, tooLarge);
                throw tooLarge;
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
