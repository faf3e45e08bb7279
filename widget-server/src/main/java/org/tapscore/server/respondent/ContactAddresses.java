package org.tapscore.server.respondent;

import java.util.regex.Pattern;

/**
 * What passes for an e-mail address and a phone number wherever one is typed in by people (contact lists, test
 * messages). The mail server and SMS gateway are the real judges; these catch what is plainly something else (a name
 * in the e-mail column, an address in the phone field) and what would break a message or mislead a reader: control
 * and invisible formatting characters, angle brackets, empty or hyphen-edged domain labels, dots at the edges.
 */
public final class ContactAddresses {
    /** The local part: printable, no spaces, none of the characters that need quoting in a header. */
    private static final Pattern LOCAL = Pattern.compile("[^\\s@<>()\\[\\]\\\\,;:\"]{1,64}");
    /** One domain label: letters (also non-Latin) or digits, hyphens only inside. */
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[\\p{L}]{2,63}|xn--[a-z0-9-]{1,59}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{4,30}");

    private ContactAddresses() {
    }

    public static boolean isEmail(String text) {
        if (text.length() > 320 || text.codePoints().anyMatch(ContactAddresses::hidden)) {
            return false;
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || text.indexOf('@') != at) {
            return false;
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")
                || domain.length() > 253) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    public static boolean isPhone(String text) {
        return PHONE.matcher(text).matches();
    }

    /** Control characters and invisible formatting (zero-width spaces, direction overrides) have no place here. */
    private static boolean hidden(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
    }
}
