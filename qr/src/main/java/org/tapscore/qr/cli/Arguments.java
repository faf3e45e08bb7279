package org.tapscore.qr.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Command-line options as {@code --name value}, {@code --name=value} or bare flags. */
final class Arguments {
    static final Set<String> VALUED = Set.of("text", "url", "format", "size", "ecc", "fg", "bg", "logo", "out",
            "csv", "campaign", "base-url", "poster", "question", "scan-hint", "location-label", "brand",
            "brand-logo", "lang");
    static final Set<String> FLAGS = Set.of("help", "allow-inverted");

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new java.util.HashSet<>();

    static Arguments parse(List<String> args) {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "' (options start with --; see --help)");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name) && value == null) {
                parsed.flags.add(name);
            } else if (VALUED.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (parsed.values.put(name, value) != null) {
                    throw new UsageException("--" + name + " is given twice");
                }
            } else {
                throw new UsageException("unknown option --" + name + " (see --help)");
            }
        }
        return parsed;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String require(String name, String hint) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new UsageException("--" + name + " is missing: " + hint);
        }
        return value;
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    /** A mistake in how the command was called; reported as one line, exit code 1. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
