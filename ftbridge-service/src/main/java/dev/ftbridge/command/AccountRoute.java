package dev.ftbridge.command;

import java.util.function.Supplier;

import dev.ftbridge.contract.AccountName;

/**
 * Which Fivetran account the command running on this thread calls. The handlers are
 * singletons built with one {@link dev.ftbridge.command.handlers.FivetranPort}, and a
 * command runs start to end on one thread (its lane's), so the processor sets the account
 * around the run and {@link FivetranCalls} reads it for every call. This is the only
 * place the account travels implicitly; everything else passes it.
 */
final class AccountRoute {

	private final ThreadLocal<String> current = new ThreadLocal<>();

	/** Runs {@code work} with this thread's calls going to {@code account}. */
	<T> T on(String account, Supplier<T> work) {
		String outer = this.current.get();
		this.current.set(account);
		try {
			return work.get();
		}
		finally {
			if (outer != null) {
				this.current.set(outer);
			}
			else {
				this.current.remove();
			}
		}
	}

	/** Runs {@code work} with this thread's calls going to {@code account}. */
	void run(String account, Runnable work) {
		on(account, () -> {
			work.run();
			return null;
		});
	}

	/** The account of the command running on this thread; {@code default} outside one. */
	String current() {
		String account = this.current.get();
		return (account != null) ? account : AccountName.DEFAULT;
	}

}
