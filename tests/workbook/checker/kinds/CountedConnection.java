package workbook.checker.kinds;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real JDBC connection that counts the statements executed through it: each execute call is one
 * round trip to the server (a multi-statement execute included), so tests can count round trips honestly.
 */
final class CountedConnection {
    private final AtomicInteger executes = new AtomicInteger();
    private final Connection connection;

    CountedConnection(Connection real) {
        this.connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = forward(real, method, args);
                    if (result instanceof Statement statement) {
                        return counted(statement, method.getReturnType());
                    }
                    return result;
                });
    }

    Connection connection() {
        return connection;
    }

    int executes() {
        return executes.get();
    }

    void reset() {
        executes.set(0);
    }

    private Object counted(Statement statement, Class<?> type) {
        InvocationHandler counting = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executes.incrementAndGet();
            }
            return forward(statement, method, args);
        };
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type}, counting);
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
