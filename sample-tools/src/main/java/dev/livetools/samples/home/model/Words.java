package dev.livetools.samples.home.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a spoken name, reduced so that "the Kitchen Lights", "kitchen light" and "kitchen-light" compare
 * equal: lower case, punctuation and filler words dropped, plurals made singular.
 *
 * @param words the reduced words, in order
 * @param plural whether any word was plural ("lights"), which suggests the speaker means several devices
 */
record Words(List<String> words, boolean plural) {

    private static final Set<String> FILLER = Set.of("the", "a", "an", "my", "our", "in", "on", "of", "at", "please",
            "to", "and", "for", "with");

    Words {
        words = List.copyOf(words);
    }

    static Words of(String text) {
        List<String> out = new ArrayList<>();
        boolean plural = false;
        String cleaned = text.toLowerCase(Locale.ROOT).replace("'s", "").replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        for (String w : cleaned.split(" ")) {
            if (w.length() < 2 || FILLER.contains(w)) {
                continue;
            }
            String s = singular(w);
            plural |= !s.equals(w);
            out.add(s);
        }
        return new Words(out, plural);
    }

    /** The words as a set, for order-free comparison. */
    Set<String> set() {
        return new LinkedHashSet<>(words);
    }

    /** The words run together, so that "good night" matches "goodnight". */
    String joined() {
        return String.join("", words);
    }

    /** These words without any of {@code drop}. */
    Words without(Set<String> drop) {
        return new Words(words.stream().filter(w -> !drop.contains(w)).toList(), plural);
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    static String singular(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Whether two words are the same, allowing one typo where one of them has five letters or more. */
    static boolean close(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.min(a.length(), b.length()) < 4 || Math.max(a.length(), b.length()) < 5
                || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        return editDistance(a, b) <= 1;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
