package workbook.cli.helper;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A command the helper runs for others: its catalog name, a fresh command object per run, and which of
 * its argument lists it serves (never one that asks a question or runs until stopped: those need the
 * learner's own terminal, so they run in their own process).
 */
public record ServedCommand(String name, Supplier<Object> command, Predicate<List<String>> serves) {
}
