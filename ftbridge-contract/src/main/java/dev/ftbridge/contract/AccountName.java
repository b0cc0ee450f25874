package dev.ftbridge.contract;

import java.util.regex.Pattern;

/**
 * The names of the Fivetran accounts a bridge calls: what a command's
 * {@code fivetranaccount} CloudEvent attribute holds and what
 * {@code ftbridge.fivetran.accounts.<name>} configures. Lower-case letters, digits and
 * {@code -}, 1 to 32 characters, starting with a letter or digit.
 */
public final class AccountName {

	/** The account of the single-account settings, and of a command that names none. */
	public static final String DEFAULT = "default";

	/** The CloudEvent extension attribute that names a command's account. */
	public static final String ATTRIBUTE = "fivetranaccount";

	/** The rule, as told to a person. */
	public static final String RULE = "lower-case letters, digits and '-', 1 to 32 characters, not starting with '-'";

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

	private AccountName() {
	}

	/** Whether the text is a well-formed account name (not whether it is configured). */
	public static boolean valid(String name) {
		return name != null && NAME.matcher(name).matches();
	}

}
