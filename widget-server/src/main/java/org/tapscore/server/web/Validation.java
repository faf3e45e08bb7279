package org.tapscore.server.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Bean Validation of API inputs; violations become one 400 listing every bad field. */
public final class Validation {
    private static final Validator VALIDATOR = createValidator();

    private Validation() {
    }

    private static Validator createValidator() {
        // The parameter interpolator needs no expression language at run time: messages stay plain text.
        // The factory lives as long as the server: validators borrow its caches.
        ValidatorFactory factory = jakarta.validation.Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        return factory.getValidator();
    }

    /** {@code texts[en].question}, {@code allowedOrigins[0]}: the path as the JSON has it, without validator jargon. */
    static String path(jakarta.validation.Path path) {
        StringBuilder out = new StringBuilder();
        for (jakarta.validation.Path.Node node : path) {
            String name = node.getName();
            boolean container = name == null || name.startsWith("<");
            if (node.getKey() != null && !container) {
                out.append(out.isEmpty() ? "" : ".").append(name).append('[').append(node.getKey()).append(']');
            } else if (node.getIndex() != null && !container) {
                out.append(out.isEmpty() ? "" : ".").append(name).append('[').append(node.getIndex()).append(']');
            } else if (!container) {
                out.append(out.isEmpty() ? "" : ".").append(name);
            } else if (node.getKey() != null) {
                out.append('[').append(node.getKey()).append(']');
            } else if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    public static <T> T valid(T value) {
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(value);
        if (!violations.isEmpty()) {
            List<ApiException.FieldError> errors = violations.stream()
                    .map(v -> new ApiException.FieldError(path(v.getPropertyPath()), v.getMessage()))
                    .sorted(Comparator.comparing(ApiException.FieldError::field))
                    .toList();
            throw ApiException.invalidFields(errors);
        }
        return value;
    }
}
