package dev.livetools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code ./livetools ...} command line in README.md and docs/ is parsed by the real command line, so a renamed
 * command or option fails the build instead of a reader's first try. Lines are taken from code blocks and inline
 * code alike: from {@code ./livetools} to the end of the command (a comment, a backtick, a pipe or {@code &&}), with
 * a trailing {@code ...} ("and your other options") dropped. Parsing only: nothing runs.
 */
class DocsCommandLinesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String PROGRAM = "./livetools";

    /** One command line found in a document. */
    record Found(String where, List<String> args) {
    }

    @Test
    void everyDocumentedCommandLineParses() throws IOException {
        List<Found> found = new ArrayList<>();
        for (Path doc : documents()) {
            found.addAll(commandLines(Files.readString(doc, StandardCharsets.UTF_8), ROOT.relativize(doc).toString()));
        }
        assertThat(found).as("command lines found in README.md and docs/").hasSizeGreaterThan(10);

        List<String> problems = found.stream().map(DocsCommandLinesTest::problem).filter(p -> p != null).toList();
        assertThat(problems).as("documented command lines that the CLI refuses").isEmpty();
    }

    @Test
    void aMisspeltOptionInADocumentIsCaught() {
        String doc = "Run it:\n\n```\n./livetools demo --scenaro lights.json   # plays your scenario\n```\n";

        List<Found> found = commandLines(doc, "example.md");

        assertThat(found).containsExactly(new Found("example.md:4", List.of("demo", "--scenaro", "lights.json")));
        assertThat(problem(found.get(0))).contains("example.md:4").contains("--scenaro");
    }

    @Test
    void environmentPrefixesPipesCommentsAndEllipsesAreNotPartOfTheCommand() {
        String doc = "`printf 'hi\\n' | ./livetools chat --modality TEXT ...` and\n"
                + "GEMINI_API_KEY=... ./livetools chat --plugins plugins/ && echo done\n";

        assertThat(commandLines(doc, "d.md")).extracting(Found::args).containsExactly(
                List.of("chat", "--modality", "TEXT"),
                List.of("chat", "--plugins", "plugins/"));
    }

    private static String problem(Found line) {
        try {
            LiveToolsCli.commandLine().parseArgs(line.args().toArray(String[]::new));
            return null;
        } catch (CommandLine.ParameterException e) {
            return line.where() + ": ./livetools " + String.join(" ", line.args()) + " -> " + e.getMessage();
        }
    }

    static List<Found> commandLines(String markdown, String name) {
        List<Found> found = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (int at = line.indexOf(PROGRAM); at >= 0; at = line.indexOf(PROGRAM, at + 1)) {
                int after = at + PROGRAM.length();
                if (after < line.length() && !Character.isWhitespace(line.charAt(after))
                        && line.charAt(after) != '`') {
                    continue; // ./livetools.jar or the like: not the command
                }
                found.add(new Found(name + ":" + (i + 1), arguments(command(line.substring(after)))));
            }
        }
        return found;
    }

    /** The text of one command: up to a backtick, a shell comment, a pipe, {@code &&} or {@code ;}. */
    private static String command(String rest) {
        int end = rest.length();
        for (String stop : List.of("`", " #", "|", "&&", ";")) {
            int i = rest.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end).strip();
    }

    /** Shell words, honouring single and double quotes; a final {@code ...} is dropped. */
    private static List<String> arguments(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (!words.isEmpty() && words.get(words.size() - 1).equals("...")) {
            words.remove(words.size() - 1);
        }
        return words;
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }
}
