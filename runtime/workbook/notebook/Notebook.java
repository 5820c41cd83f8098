package workbook.notebook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A parsed lesson: its name (lesson3), its title (the first `# ` heading) and its cells in order. */
public record Notebook(String name, String title, List<Cell> cells) {

    public Notebook {
        cells = List.copyOf(cells);
    }

    /** The runnable cells, step 1 first. */
    public List<CodeCell> steps() {
        return cells.stream().filter(CodeCell.class::isInstance).map(CodeCell.class::cast).toList();
    }

    /** A step by its number ("3") or its id ("create-users"). */
    public Optional<CodeCell> step(String numberOrId) {
        String wanted = numberOrId.strip();
        for (CodeCell cell : steps()) {
            if (wanted.equals(cell.id()) || wanted.equals(Integer.toString(cell.step()))) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    /**
     * The earlier steps {@code start} needs (its {@code needs=}, and theirs), in notebook order: what
     * {@code --from} runs first so that starting midway behaves as walking there would.
     */
    public List<CodeCell> prerequisites(CodeCell start) {
        Set<CodeCell> needed = new HashSet<>();
        Deque<CodeCell> open = new ArrayDeque<>(List.of(start));
        while (!open.isEmpty()) {
            for (String id : CodeCell.needs(open.pop().attributes())) {
                step(id).filter(needed::add).ifPresent(open::push);
            }
        }
        return steps().stream().filter(needed::contains).toList();
    }

    /** The position of a cell in {@link #cells()}. */
    public int indexOf(Cell cell) {
        return cells.indexOf(cell);
    }
}
