package dev.ftbridge.fivetran;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * One page of a Fivetran list: {@code data.items} and {@code data.next_cursor}.
 *
 * @param <T> the type of an item
 * @param items the items of this page, in order
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

	public Page {
		items = List.copyOf(items);
	}

	/** Reads a page from a list's {@code data}, each item with {@code item}. */
	public static <T> Page<T> of(JsonNode data, Function<JsonNode, T> item) {
		List<T> items = new ArrayList<>();
		data.path("items").forEach((node) -> items.add(item.apply(node)));
		return new Page<>(items, Json.text(data, "next_cursor"));
	}

	/** Whether another page follows. */
	public boolean hasNext() {
		return this.nextCursor != null;
	}

}
