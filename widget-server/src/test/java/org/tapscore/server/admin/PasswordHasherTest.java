package org.tapscore.server.admin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    @Test
    void hashesAreSaltedSlowAndVerifiable() {
        String first = PasswordHasher.hash("Blåbærgrød 123");
        String second = PasswordHasher.hash("Blåbærgrød 123");
        assertNotEquals(first, second, "a fresh salt per hash");
        assertTrue(first.startsWith("pbkdf2-sha256$"));
        assertTrue(Integer.parseInt(first.split("\\$")[1]) >= 210_000);
        assertTrue(PasswordHasher.matches("Blåbærgrød 123", first));
        assertTrue(PasswordHasher.matches("Blåbærgrød 123", second));
        assertFalse(PasswordHasher.matches("Blåbærgrød 124", first));
        assertFalse(PasswordHasher.matches("Blåbærgrød 123", null));
        assertFalse(PasswordHasher.matches("x", "pbkdf2-sha256$1000$AAAA$AAAA"), "too few iterations are refused");
    }
}
