package workbook.checker.sandbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * A connection lent to code that closes what it is given (the checker, Jdbi handles): close() hands it
 * back instead, with any transaction rolled back and autocommit restored, so the next borrower finds it as usual.
 */
public final class LentConnection {
    private LentConnection() {
    }

    public static Connection lend(Connection real, Runnable giveBack) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "close":
                    if (!real.isClosed() && !real.getAutoCommit()) {
                        real.rollback();
                        real.setAutoCommit(true);
                    }
                    giveBack.run();
                    return null;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
            }
        });
    }
}
