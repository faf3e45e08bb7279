package org.tapscore.server.admin;

import org.tapscore.server.web.ApiException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Creating users and checking their passwords. */
public final class Users {
    static final int MIN_PASSWORD = 10;
    private static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]{1,255}";

    private final UserRepository repository;
    private final Clock clock;

    public Users(UserRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Creates a user or throws a 400 (bad input) or 409 (e-mail taken). */
    public AdminUser create(String email, String password, Role role) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (email == null || !email.strip().matches(EMAIL)) {
            errors.add(new ApiException.FieldError("email", "must be an e-mail address"));
        }
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD
                || password.length() > 200 || password.isBlank()) {
            errors.add(new ApiException.FieldError("password", "must be " + MIN_PASSWORD + " to 200 characters"));
        }
        if (role == null) {
            errors.add(new ApiException.FieldError("role", "must be ADMIN or VIEWER"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalidFields(errors);
        }
        if (!repository.insert(email, PasswordHasher.hash(password), role, clock.instant())) {
            throw ApiException.conflict("user-exists", "There is already a user " + email.strip(), java.util.Map.of());
        }
        return repository.findByEmail(email).orElseThrow().user();
    }

    /** The user whose e-mail and password these are; empty for any mismatch (never says which part was wrong). */
    public Optional<AdminUser> authenticate(String email, String password) {
        Optional<UserRepository.WithHash> found = email == null ? Optional.empty() : repository.findByEmail(email);
        boolean ok = PasswordHasher.matches(password, found.map(UserRepository.WithHash::passwordHash).orElse(null));
        return ok ? found.map(UserRepository.WithHash::user) : Optional.empty();
    }

    /** Creates the configured first admin when no user with that address exists yet. */
    public void ensureFirstAdmin(Optional<String> email, Optional<String> password) {
        if (email.isPresent() && password.isPresent() && repository.findByEmail(email.get()).isEmpty()) {
            try {
                create(email.get(), password.get(), Role.ADMIN);
            } catch (ApiException e) {
                // Said at start, by the settings' names: the server stops with one line, not a stack trace.
                throw new IllegalArgumentException(e.errors().stream()
                        .map(f -> "TAPSCORE_ADMIN_" + f.field().toUpperCase(java.util.Locale.ROOT) + " " + f.message())
                        .collect(java.util.stream.Collectors.joining("; ")), e);
            }
        }
    }

    public List<AdminUser> list() {
        return repository.list();
    }

    public Optional<AdminUser> find(java.util.UUID id) {
        return repository.find(id);
    }

    public void setTimeZone(java.util.UUID id, String zone) {
        repository.setTimeZone(id, zone);
    }
}
