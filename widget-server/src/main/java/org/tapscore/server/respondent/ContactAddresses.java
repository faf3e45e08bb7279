package org.tapscore.server.respondent;

import java.util.regex.Pattern;

/**
 * What passes for an e-mail address and a phone number wherever one is typed in by people (contact lists, test
 * messages). Deliberately loose: the mail server and SMS gateway are the real judges, these only catch what is
 * plainly something else (a name in the e-mail column, an address in the phone field).
 */
public final class ContactAddresses {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{4,30}");

    private ContactAddresses() {
    }

    public static boolean isEmail(String text) {
        return text.length() <= 320 && EMAIL.matcher(text).matches();
    }

    public static boolean isPhone(String text) {
        return PHONE.matcher(text).matches();
    }
}
