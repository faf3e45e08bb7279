package org.tapscore.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A contact list as a Danish CRM exports it: semicolons, a byte-order mark, Danish headers and names with æøå,
 * companies, languages and a few free columns that become attributes. The same seed gives the same file, so the
 * server's import and the JDBC baseline store exactly the same rows.
 *
 * <pre>{@code
 * Path csv = ContactCsv.write(Files.createTempFile("contacts", ".csv"), 100_000, "k", 42);
 * }</pre>
 */
public final class ContactCsv {
    static final String HEADER = "Kundenr;Navn;E-mail;Telefon;Firma;Sprog;Region;Segment;Kunde siden";
    private static final String[] FIRST = {"Søren", "Mette", "Jørgen", "Anne", "Bjørn", "Lærke", "Æbelø", "Åse",
            "Rasmus", "Sofie", "Frederik", "Ida", "Mads", "Freja", "Niels", "Karen", "Øjvind", "Birthe", "Thøger",
            "Signe"};
    private static final String[] LAST = {"Jørgensen", "Hansen", "Nielsen", "Sørensen", "Andersen", "Pedersen",
            "Kjær", "Møller", "Lauridsen", "Østergaard", "Brønnum", "Dahl", "Bæk", "Holm", "Skovgård", "Ærø"};
    private static final String[] COMPANY = {"Blåbær A/S", "Ørestad Byg ApS", "Fiskehuset Ærø I/S",
            "Nørrebro Cykler", "Søndergaard & Søn A/S", "Kløverhuset ApS", "Aalborg Værft A/S", "Hygge Møbler ApS"};
    private static final String[] LANGUAGE = {"da", "da", "da", "en", "sv", "de", "nb"};
    private static final String[] REGION = {"Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland"};
    private static final String[] SEGMENT = {"Nøglekunde", "Standard", "Ny", "Offentlig"};

    private ContactCsv() {
    }

    /** Writes {@code rows} contacts whose external ids start with {@code prefix}; returns {@code file}. */
    public static Path write(Path file, int rows, String prefix, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            out.write(HEADER);
            out.write("\r\n");
            for (int i = 0; i < rows; i++) {
                Contact c = contact(random, prefix, i);
                out.write(String.join(";", c.externalId(), quote(c.name()), c.email(), c.phone(), quote(c.company()),
                        c.language(), c.region(), c.segment(), c.since()));
                out.write("\r\n");
            }
        }
        return file;
    }

    /** The {@code i}-th contact of a file written with this seed (the random stream must be consumed in order). */
    static Contact contact(SplittableRandom random, String prefix, int i) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String company = COMPANY[random.nextInt(COMPANY.length)];
        String email = (ascii(first) + "." + ascii(last) + i + "@example.dk").toLowerCase(Locale.ROOT);
        String phone = String.format(Locale.ROOT, "+45 %02d %02d %02d %02d", 20 + random.nextInt(80),
                random.nextInt(100), random.nextInt(100), random.nextInt(100));
        return new Contact(prefix + i, first + " " + last, email, phone, company,
                LANGUAGE[random.nextInt(LANGUAGE.length)], REGION[random.nextInt(REGION.length)],
                SEGMENT[random.nextInt(SEGMENT.length)], String.valueOf(1995 + random.nextInt(30)));
    }

    private static String ascii(String name) {
        return name.replace("æ", "ae").replace("Æ", "Ae").replace("ø", "oe").replace("Ø", "Oe")
                .replace("å", "aa").replace("Å", "Aa");
    }

    /** Company names such as "Søndergaard & Søn A/S" are safe, but a real export quotes free text anyway. */
    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    record Contact(String externalId, String name, String email, String phone, String company, String language,
                   String region, String segment, String since) {
        /** The attributes as the server stores them (JSON object in header order). */
        String attributesJson() {
            return "{\"Region\":\"" + region + "\",\"Segment\":\"" + segment + "\",\"Kunde siden\":\"" + since + "\"}";
        }
    }
}
