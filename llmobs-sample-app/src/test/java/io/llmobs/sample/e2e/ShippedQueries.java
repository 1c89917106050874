package io.llmobs.sample.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL that llmobs ships in {@code docs/}: every query of the Grafana dashboard
 * (with its template variables set to "all") and every expression of the Prometheus
 * rules.
 */
final class ShippedQueries {

	/**
	 * Top-level operators at which an alert expression is split into the parts that must
	 * return series.
	 */
	private static final Pattern OPERATOR = Pattern.compile(">=|<=|==|!=|>|<|(?<![\\w:])(and|or|unless)(?![\\w:])");

	private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?(e[-+]?\\d+)?");

	private ShippedQueries() {
	}

	/**
	 * The dashboard's queries, with {@code $__rate_interval} as one minute and
	 * {@code $env}, {@code $model}, {@code $stage} and {@code $tenant} matching
	 * everything.
	 * @param dashboard the dashboard JSON
	 * @return panel title and query, per target
	 * @throws IOException if the file cannot be read
	 */
	static List<Query> dashboard(Path dashboard) throws IOException {
		JsonNode root = JsonMapper.builder().build().readTree(Files.readString(dashboard));
		List<Query> queries = new ArrayList<>();
		collect(root.path("panels"), queries);
		return queries;
	}

	private static void collect(JsonNode panels, List<Query> queries) {
		for (JsonNode panel : panels.values()) {
			for (JsonNode target : panel.path("targets").values()) {
				String expr = target.path("expr").stringValue();
				if (expr != null && !expr.isBlank()) {
					queries.add(new Query("panel '" + panel.path("title").stringValue() + "'",
							expr.replace("$__rate_interval", "1m").replaceAll("\\$(env|model|stage|tenant)\\b", ".*")));
				}
			}
			collect(panel.path("panels"), queries);
		}
	}

	/**
	 * The rules' expressions: a recording rule's whole expression, and of an alert the
	 * operands of its top-level comparisons and set operators (the comparison itself is
	 * empty while the alert does not fire).
	 * @param rules the rules file
	 * @return rule name and query
	 * @throws IOException if the file cannot be read
	 */
	@SuppressWarnings("unchecked")
	static List<Query> rules(Path rules) throws IOException {
		Map<String, Object> file;
		try (Reader reader = Files.newBufferedReader(rules)) {
			file = new Yaml().load(reader);
		}
		List<Query> queries = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				String expr = rule.get("expr").toString().strip();
				if (rule.containsKey("record")) {
					queries.add(new Query("record " + rule.get("record"), expr));
				}
				else {
					for (String operand : operands(expr)) {
						queries.add(new Query("alert " + rule.get("alert"), operand));
					}
				}
			}
		}
		return queries;
	}

	/**
	 * The operands of the top-level comparisons and set operators of an expression,
	 * numbers left out.
	 */
	static List<String> operands(String expr) {
		List<String> operands = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < expr.length(); i++) {
			char c = expr.charAt(i);
			if (c == '"' && (i == 0 || expr.charAt(i - 1) != '\\')) {
				quoted = !quoted;
			}
			else if (!quoted && (c == '(' || c == '{' || c == '[')) {
				depth++;
			}
			else if (!quoted && (c == ')' || c == '}' || c == ']')) {
				depth--;
			}
			else if (!quoted && depth == 0) {
				Matcher operator = OPERATOR.matcher(expr).region(i, expr.length()).useTransparentBounds(true);
				if (operator.lookingAt()) {
					operands.add(expr.substring(start, i));
					i += operator.group().length() - 1;
					start = i + 1;
				}
			}
		}
		operands.add(expr.substring(start));
		return operands.stream()
			.map(String::strip)
			.map((operand) -> operand.startsWith("bool ") ? operand.substring(5).strip() : operand)
			.filter((operand) -> !operand.isEmpty() && !NUMBER.matcher(operand).matches())
			.toList();
	}

	/**
	 * A query and where it comes from.
	 *
	 * @param source the panel or rule
	 * @param promql the query
	 */
	record Query(String source, String promql) {
	}

}
