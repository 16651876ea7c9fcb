package io.github.tiktokevents.internal.delivery;

/**
 * A JVM shutdown hook that closes one processor, registered when the processor starts and removed when it closes,
 * so a closed processor leaves no hook (nor a reference to itself) in the JVM-wide list.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class ShutdownDrain {
    private final Thread hook;
    private final boolean registered;

    private ShutdownDrain(Thread hook, boolean registered) {
        this.hook = hook;
        this.registered = registered;
    }

    /**
     * Registers a hook that runs {@code close} at JVM shutdown.
     *
     * @param threadName the hook thread's name
     * @param close what to run: the processor's close
     * @return the registration; its hook is not registered if the JVM is already shutting down
     */
    public static ShutdownDrain register(String threadName, Runnable close) {
        Thread hook = new Thread(close, threadName);
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return new ShutdownDrain(hook, true);
        } catch (IllegalStateException shuttingDown) {
            return new ShutdownDrain(hook, false); // made during shutdown: whoever made it must close it
        }
    }

    /** Removes the hook; does nothing when called from the hook itself or once the JVM is shutting down. */
    public void remove() {
        if (!registered || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hooks are running: ours closes the processor, or already has
        }
    }

    /** @return the hook thread, for tests that run it as the JVM would */
    public Thread thread() {
        return hook;
    }
}
