package dev.spotter.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Deserialises Base64 Java-serialised objects given as arguments and prints each one's hash code, one a line. */
final class HashInFreshJvm {
    private HashInFreshJvm() {}

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        StringBuilder out = new StringBuilder();
        for (String a : args) {
            try (ObjectInputStream in = new ObjectInputStream(
                    new ByteArrayInputStream(Base64.getDecoder().decode(a)))) {
                out.append(in.readObject().hashCode()).append('\n');
            }
        }
        System.out.print(out);
    }

    /** Runs {@link #main} in a new JVM with this JVM's class path; returns what it printed. */
    static String run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(HashInFreshJvm.class.getName());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish in 60 s: " + cmd.get(0));
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("child JVM exited " + p.exitValue() + ": " + cmd.get(0));
        }
        return printed;
    }
}
