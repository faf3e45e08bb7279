package org.tapscore.server.respondent;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A phone number as {@link ContactAddresses} takes one, for JSON bodies as for contact lists. Null passes. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PhoneNumber.Check.class)
public @interface PhoneNumber {
    String message() default "must be a phone number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link ContactAddresses#isPhone}. */
    final class Check implements ConstraintValidator<PhoneNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ContactAddresses.isPhone(value);
        }
    }
}
