package org.tapscore.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SDK may use only the JDK and Jackson at run time, and must run on Java 17: checked on the compiled classes
 * by reading every class reference and type descriptor out of their constant pools.
 */
class DependencyBoundaryTest {
    static final List<String> ALLOWED = List.of("java/", "javax/", "com/fasterxml/jackson/", "org/tapscore/sdk/");
    static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([\\w/$]+)[;<]");

    @Test
    void compiledClassesReferenceOnlyTheJdkJacksonAndTheSdk() throws Exception {
        Path classes = Path.of(TapscoreClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> outside = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                files++;
                ClassFile parsed = ClassFile.read(Files.readAllBytes(file));
                assertEquals(61, parsed.major, file + " must be compiled for Java 17 (class file 61)");
                for (String type : parsed.referencedTypes) {
                    all.add(type);
                    if (ALLOWED.stream().noneMatch(type::startsWith)) {
                        outside.add(type + " (in " + classes.relativize(file) + ")");
                    }
                }
            }
        }
        assertTrue(files > 20, "found the SDK's classes in " + classes);
        assertTrue(all.contains("com/fasterxml/jackson/databind/ObjectMapper"), "the scan sees real references");
        assertTrue(all.contains("java/net/http/HttpClient"), "the scan sees real references");
        assertEquals(Set.of(), outside);
    }

    /** Just enough of the class file format (JVMS §4.4) to list the types a class refers to. */
    static final class ClassFile {
        int major;
        final Set<String> referencedTypes = new TreeSet<>();

        static ClassFile read(byte[] bytes) throws IOException {
            ClassFile result = new ClassFile();
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.readUnsignedShort();
            result.major = in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNameIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNameIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            for (int i = 1; i < count; i++) {
                if (classNameIndex[i] != 0) {
                    String name = utf8[classNameIndex[i]];
                    if (name.startsWith("[")) {
                        addDescriptorTypes(name, result.referencedTypes);
                    } else {
                        result.referencedTypes.add(name);
                    }
                } else if (utf8[i] != null && (utf8[i].startsWith("(") || utf8[i].startsWith("L")
                        || utf8[i].startsWith("["))) {
                    // method and field descriptors, and signatures with generics
                    addDescriptorTypes(utf8[i], result.referencedTypes);
                }
            }
            return result;
        }

        private static void addDescriptorTypes(String descriptor, Set<String> into) {
            Matcher m = DESCRIPTOR_TYPE.matcher(descriptor);
            while (m.find()) {
                into.add(m.group(1));
            }
        }
    }
}
