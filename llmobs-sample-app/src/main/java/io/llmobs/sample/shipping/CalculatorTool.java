package io.llmobs.sample.shipping;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/**
 * Evaluates arithmetic for the model, which should not do sums in its head when it quotes
 * a price.
 */
@Component
public final class CalculatorTool {

	/** The tool's name. */
	public static final String NAME = "calculate";

	/**
	 * Evaluates an expression of numbers, {@code + - * /} and parentheses.
	 * @param expression the expression, e.g. {@code 9.5 + 0.8 * 12}
	 * @return the result, rounded to cents
	 */
	@Tool(name = NAME, description = "Evaluates an arithmetic expression of numbers, + - * / and parentheses, and "
			+ "returns the result rounded to two decimals")
	public String calculate(@ToolParam(description = "The expression, e.g. 9.5 + 0.8 * 12") String expression) {
		double result = new Arithmetic(expression).evaluate();
		return BigDecimal.valueOf(result).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * A recursive-descent evaluator: expression = term {(+|-) term}, term = factor {(*|/)
	 * factor}.
	 */
	static final class Arithmetic {

		private final String text;

		private int position;

		Arithmetic(String text) {
			this.text = text;
		}

		double evaluate() {
			double value = expression();
			skipSpaces();
			if (this.position != this.text.length()) {
				throw error("unexpected '" + this.text.charAt(this.position) + "'");
			}
			return value;
		}

		private double expression() {
			double value = term();
			while (true) {
				if (accept('+')) {
					value += term();
				}
				else if (accept('-')) {
					value -= term();
				}
				else {
					return value;
				}
			}
		}

		private double term() {
			double value = factor();
			while (true) {
				if (accept('*')) {
					value *= factor();
				}
				else if (accept('/')) {
					double divisor = factor();
					if (divisor == 0) {
						throw error("division by zero");
					}
					value /= divisor;
				}
				else {
					return value;
				}
			}
		}

		private double factor() {
			if (accept('-')) {
				return -factor();
			}
			if (accept('(')) {
				double value = expression();
				if (!accept(')')) {
					throw error("missing ')'");
				}
				return value;
			}
			skipSpaces();
			int start = this.position;
			while (this.position < this.text.length()
					&& (Character.isDigit(this.text.charAt(this.position)) || this.text.charAt(this.position) == '.')) {
				this.position++;
			}
			if (start == this.position) {
				throw error("a number expected");
			}
			return Double.parseDouble(this.text.substring(start, this.position));
		}

		private boolean accept(char c) {
			skipSpaces();
			if (this.position < this.text.length() && this.text.charAt(this.position) == c) {
				this.position++;
				return true;
			}
			return false;
		}

		private void skipSpaces() {
			while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
				this.position++;
			}
		}

		private IllegalArgumentException error(String problem) {
			return new IllegalArgumentException(
					"Not an arithmetic expression (" + problem + " at " + this.position + "): " + this.text);
		}

	}

}
