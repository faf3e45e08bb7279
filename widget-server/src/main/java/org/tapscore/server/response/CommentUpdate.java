package org.tapscore.server.response;

import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /api/v1/responses/{id}}; the edit token may come here or in {@code X-Edit-Token}. */
public record CommentUpdate(@Size(max = 8000) String comment, @Size(max = 100) String editToken) {
}
