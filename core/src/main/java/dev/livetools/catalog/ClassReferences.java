package dev.livetools.catalog;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes a class file refers to, read from its constant pool (class entries and the types in its field and
 * method descriptors), without loading anything. Discovery uses it to find, at load, a dependency a plugin jar forgot
 * to bundle, which would otherwise fail the first call that touches it.
 */
final class ClassReferences {

    private ClassReferences() {
    }

    /** The binary names ({@code a.b.C}, {@code a.b.C$D}) referred to by the class file in {@code in}. */
    static Set<String> of(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        data.readUnsignedShort();
        data.readUnsignedShort();
        int count = data.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classIndexes = new int[count];
        int[] descriptorIndexes = new int[count];
        int classes = 0;
        int descriptors = 0;
        for (int i = 1; i < count; i++) {
            int tag = data.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = data.readUTF();
                case 7 -> classIndexes[classes++] = data.readUnsignedShort();
                case 8, 16, 19, 20 -> data.readUnsignedShort();
                case 3, 4 -> data.readInt();
                case 5, 6 -> {
                    data.readLong();
                    i++; // long and double take two entries
                }
                case 9, 10, 11, 18, 17 -> data.readInt();
                case 12 -> {
                    data.readUnsignedShort();
                    descriptorIndexes[descriptors++] = data.readUnsignedShort();
                }
                case 15 -> {
                    data.readUnsignedByte();
                    data.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < classes; i++) {
            String name = utf8[classIndexes[i]];
            if (name != null) {
                if (name.startsWith("[")) {
                    descriptorTypes(name, names);
                } else {
                    names.add(name.replace('/', '.'));
                }
            }
        }
        for (int i = 0; i < descriptors; i++) {
            descriptorTypes(utf8[descriptorIndexes[i]], names);
        }
        return names;
    }

    /** Adds the class types of a descriptor such as {@code (Ljava/lang/String;[I)La/B;}. */
    private static void descriptorTypes(String descriptor, Set<String> out) {
        if (descriptor == null) {
            return;
        }
        int i = 0;
        while (i < descriptor.length()) {
            if (descriptor.charAt(i) == 'L') {
                int end = descriptor.indexOf(';', i);
                if (end < 0) {
                    return;
                }
                out.add(descriptor.substring(i + 1, end).replace('/', '.'));
                i = end + 1;
            } else {
                i++;
            }
        }
    }
}
