package dev.spotter.cli;

import dev.spotter.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Test utility: runs the CLI and captures its exit code, stdout and stderr. */
public final class CliRun {
    /** What one run printed and returned. */
    public record Result(int code, String out, String err) {}

    private CliRun() {}

    /**
     * {@code spotter ARGS} in this JVM through {@link SpotterCli#execute}, with System.out/err captured. The streams
     * are global, so runs are serialized (safe if test classes run in parallel).
     */
    public static Result run(String... args) {
        return run(Environment.system(), args);
    }

    /** As {@link #run(String...)} in a fixed environment: a test sets a variable without a child JVM. */
    public static synchronized Result run(Environment env, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = SpotterCli.execute(env, args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** One picocli command object (e.g. with a test stdin injected) with its own out/err writers. */
    public static Result command(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
