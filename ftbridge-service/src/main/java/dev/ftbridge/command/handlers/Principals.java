package dev.ftbridge.command.handlers;

import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import dev.ftbridge.contract.Command;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * Finds the user or team a membership command names: by id as given; a user by email
 * (ignoring case, as emails are unique) or by name ({@code "given_name family_name"},
 * exactly); a team by name, exactly. Names need not be unique, so a name may match
 * several.
 */
final class Principals {

	private final FivetranPort fivetran;

	private final int pageSize;

	Principals(HandlerContext context) {
		this.fivetran = context.fivetran();
		this.pageSize = context.pageSize();
	}

	/**
	 * Who the command names.
	 * @throws dev.ftbridge.fivetran.FivetranException when the list could not be read
	 */
	Match find(Command command) {
		if (isTeam(command)) {
			String id = command.text("team_id");
			return (id != null) ? new Match.Found(id)
					: match(listTeams(), (team) -> command.text("team_name").equals(team.path("name").asString(null)),
							"team named '" + command.text("team_name") + "'");
		}
		String id = command.text("user_id");
		if (id != null) {
			return new Match.Found(id);
		}
		String email = command.text("user_email");
		if (email != null) {
			return match(listUsers(), (user) -> email.equalsIgnoreCase(user.path("email").asString(null)),
					"user " + email);
		}
		String name = command.text("user_name");
		return match(listUsers(), (user) -> name.equals(fullName(user)), "user named '" + name + "'");
	}

	/** The list a lookup of this command reads (for a failed result's request). */
	FivetranRequest lookup(Command command) {
		return isTeam(command) ? listTeams() : listUsers();
	}

	static boolean isTeam(Command command) {
		return command.text("team_id") != null || command.text("team_name") != null;
	}

	/** {@code "given_name family_name"}, leaving out a part Fivetran does not have. */
	static String fullName(JsonNode user) {
		String given = user.path("given_name").asString("");
		String family = user.path("family_name").asString("");
		return (given.isEmpty() || family.isEmpty()) ? given + family : given + " " + family;
	}

	private Match match(FivetranRequest list, Predicate<JsonNode> wanted, String described) {
		List<String> ids = this.fivetran.listAll(list)
			.items()
			.stream()
			.filter(wanted)
			.map((item) -> item.path("id").asString("?"))
			.toList();
		if (ids.isEmpty()) {
			return new Match.None(described);
		}
		return (ids.size() == 1) ? new Match.Found(ids.get(0)) : new Match.Several(described, ids);
	}

	private FivetranRequest listUsers() {
		return FivetranRequests.listUsers(this.pageSize);
	}

	private FivetranRequest listTeams() {
		return FivetranRequests.listTeams(this.pageSize);
	}

	/** What a lookup found. */
	sealed interface Match {

		/**
		 * Exactly one.
		 *
		 * @param id the user's or team's id
		 */
		record Found(String id) implements Match {

		}

		/**
		 * None.
		 *
		 * @param described what was looked for: {@code user named 'Ada Lovelace'}
		 */
		record None(String described) implements Match {

		}

		/**
		 * Several, so the command cannot tell which.
		 *
		 * @param described what was looked for
		 * @param ids the ids of those that match
		 */
		record Several(String described, List<String> ids) implements Match {

		}

	}

}
