package workbook.progress;

/**
 * One task of an exercise set, as {@code check} and {@code solution} left it.
 *
 * @param points      the best points a check run gave it
 * @param max         what the task is worth
 * @param passed      whether the task has passed at least once
 * @param firstPassed when it first passed (ISO-8601 instant), null until then
 * @param gaveUp      when the learner gave up after every hint and was shown the solution, null if never
 */
public record TaskProgress(int points, int max, boolean passed, String firstPassed, String gaveUp) {

    public static TaskProgress none() {
        return new TaskProgress(0, 0, false, null, null);
    }

    /** Keeps the best points (a changed maximum starts afresh) and the first time it passed. */
    public TaskProgress checked(int newPoints, int newMax, boolean nowPassed, String now) {
        int best = newMax == max ? Math.max(points, newPoints) : newPoints;
        boolean everPassed = passed || nowPassed;
        return new TaskProgress(best, newMax, everPassed, firstPassed == null && nowPassed ? now : firstPassed, gaveUp);
    }

    public TaskProgress gaveUp(String now) {
        return new TaskProgress(points, max, passed, firstPassed, gaveUp == null ? now : gaveUp);
    }

    /** The reference solution may be shown: the task passed, or the learner gave up after every hint. */
    public boolean solutionOpen() {
        return passed || gaveUp != null;
    }
}
