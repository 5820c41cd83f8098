package workbook.checker.kinds;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import workbook.checker.task.CheckSpec;

/** Every check kind by the name tasks.toml uses for it. A new kind is added here, with its own test. */
public final class CheckKinds {
    private static final Map<String, CheckKind> KINDS = Stream.of(
                    new ColumnHasType(), new ColumnNotNull(), new ColumnDefault(), new ColumnKeepsNoDefault(), new ColumnUnique(),
                    new RowExists(), new RowCount(), new RowGone(), new RowRemains(), new ColumnsSet(),
                    new RowUnchanged(), new ValueEquals(), new TimestampMovedForward(), new OnlyRowsChanged(),
                    new IndexServesLookup(), new UpdateMovesTimestamp())
            .collect(Collectors.toMap(CheckKind::name, Function.identity(), (a, b) -> a, TreeMap::new));

    private CheckKinds() {
    }

    public static boolean exists(String name) {
        return name != null && KINDS.containsKey(name);
    }

    public static CheckKind named(String name) {
        CheckKind kind = KINDS.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown check kind " + name);
        }
        return kind;
    }

    /** The required fields a check leaves empty, so a typo in tasks.toml is reported when it is read. */
    public static List<String> missingFields(CheckSpec spec) {
        return named(spec.kind()).required().stream().filter(field -> switch (field) {
            case "column" -> spec.column() == null;
            case "type" -> spec.type() == null;
            case "default" -> spec.defaultValue() == null;
            case "where" -> spec.where() == null;
            case "columns" -> spec.columns().isEmpty();
            case "value" -> spec.value() == null;
            case "count" -> spec.count() == null;
            case "leading" -> spec.leading().isEmpty();
            default -> false;
        }).toList();
    }

    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }
}
