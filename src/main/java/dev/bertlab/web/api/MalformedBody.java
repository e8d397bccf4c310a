package dev.bertlab.web.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Why a request body could not be read, in the parser's words and with where, for every API's 400. */
public final class MalformedBody {

    private MalformedBody() {
    }

    /**
     * The answer to a body that could not be read: 413 when it was over the limit (the parser wraps that), else 400
     * with the {@link #reason}.
     */
    public static ResponseEntity<Object> problem(HttpMessageNotReadableException e, String types, String example) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason(e, types, example));
        problem.setTitle("Malformed request body");
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * The reason for a 400.
     *
     * @param types what each field holds, said when one has the wrong type ("texts is a list of strings")
     * @param example a body that would do, said when there is no body or not an object
     */
    public static String reason(HttpMessageNotReadableException e, String types, String example) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return "'" + field + "' has the wrong type (" + types + "): " + mapping.getOriginalMessage();
        }
        if (cause instanceof JsonProcessingException json) {
            return "the body is not valid JSON: " + json.getOriginalMessage() + location(json.getLocation());
        }
        return "the body must be JSON like " + example;
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
