package dev.spotter.cli;

import java.io.Console;

/** Whether the process talks to a person at a terminal (live progress lines, colours) or to a pipe or file. */
final class Terminal {
    private Terminal() {}

    /**
     * {@code System.console()} alone is not enough from JDK 22 on, where it returns a console also when the streams
     * are redirected; {@code Console.isTerminal()} (JDK 22+) says whether it is one. Compiled for Java 21, so that
     * method is looked up at run time; on JDK 21 a console exists only on a terminal.
     */
    static boolean interactive() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
