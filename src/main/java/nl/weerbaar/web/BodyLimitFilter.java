package nl.weerbaar.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request body beyond its limit before anything reads it: by its declared length at once, and by counting
 * as it is read when it comes in chunks without one (the server never reads past a declared length). The API answers
 * 413 as a problem; a page shows the error page for 413. Uploads (CSV, multipart) may be larger than other bodies;
 * only the import endpoints take them.
 */
class BodyLimitFilter extends OncePerRequestFilter {

	static final String LIMIT_ATTRIBUTE = "bodyLimit";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BodyLimits limits;

	BodyLimitFilter(BodyLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitFor(request.getContentType());
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(request, response, limit);
			return;
		}
		chain.doFilter(declared >= 0 ? request : new Counted(request, limit), response);
	}

	private long limitFor(String contentType) {
		String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
		return type.startsWith("text/csv") || type.startsWith("text/plain") || type.startsWith("multipart/form-data")
				? limits.upload().toBytes() : limits.body().toBytes();
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			// the error page says how large it may be
			long mebibyte = 1024 * 1024;
			request.setAttribute(LIMIT_ATTRIBUTE, limit % mebibyte == 0 ? limit / mebibyte + " MiB" : limit + " bytes");
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title", "Content Too Large", "status",
				HttpStatus.CONTENT_TOO_LARGE.value(), "detail", "The body is larger than " + limit + " bytes.", "maxBytes", limit,
				"instance", request.getRequestURI()));
	}

	/** Thrown while reading a body that grew beyond its limit; the API answers 413 for it. */
	static final class TooLarge extends IOException {

		final long limit;

		TooLarge(long limit) {
			super("request body larger than " + limit + " bytes");
			this.limit = limit;
		}
	}

	/** A body of unknown length, cut off with {@link TooLarge} at the limit. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;
		private ServletInputStream stream;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), limit);
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
		}
	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;
		private final long limit;
		private long count;

		CountingStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int read = delegate.read();
			if (read >= 0) {
				counted(1);
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = delegate.read(buffer, offset, length);
			if (read > 0) {
				counted(read);
			}
			return read;
		}

		private void counted(int read) throws TooLarge {
			count += read;
			if (count > limit) {
				throw new TooLarge(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}
	}
}
