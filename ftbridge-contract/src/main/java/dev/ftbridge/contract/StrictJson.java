package dev.ftbridge.contract;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the bridge reads JSON that anyone may send (commands, webhook bodies): a duplicate
 * object key anywhere is an error instead of "last wins", and parsing is bounded
 * explicitly rather than by the library's defaults.
 */
public final class StrictJson {

	/** Deepest nesting of objects and arrays (a schema update needs 8, with envelope). */
	public static final int MAX_NESTING_DEPTH = 32;

	/** Longest object key, in characters (schema, table and column names are keys). */
	public static final int MAX_NAME_LENGTH = 1024;

	/** Longest number literal, in characters. */
	public static final int MAX_NUMBER_LENGTH = 64;

	/**
	 * Most tokens in one document (a legitimate 1 MiB schema update has about 200,000).
	 */
	public static final long MAX_TOKEN_COUNT = 500_000;

	private StrictJson() {
	}

	/**
	 * A mapper for untrusted documents of at most {@code maxDocumentBytes}.
	 * @param maxDocumentBytes the largest document (and so the longest string) it reads
	 * @return the mapper
	 */
	public static JsonMapper mapper(int maxDocumentBytes) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxNestingDepth(MAX_NESTING_DEPTH)
			.maxNameLength(MAX_NAME_LENGTH)
			.maxNumberLength(MAX_NUMBER_LENGTH)
			.maxStringLength(maxDocumentBytes)
			.maxDocumentLength(maxDocumentBytes)
			.maxTokenCount(MAX_TOKEN_COUNT)
			.build();
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(constraints)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();
		return JsonMapper.builder(factory).build();
	}

}
