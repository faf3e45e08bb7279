package org.tapscore.server.respondent;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An e-mail address as {@link ContactAddresses} takes one: the same rule for the API's JSON bodies as for contact
 * lists, so an address one path refuses cannot come in by another. Null passes (a missing address is allowed).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EmailAddress.Check.class)
public @interface EmailAddress {
    String message() default "must be an e-mail address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link ContactAddresses#isEmail}. */
    final class Check implements ConstraintValidator<EmailAddress, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ContactAddresses.isEmail(value);
        }
    }
}
