/**
 * The Shipping Cost Agent: classify, retrieve the rate card, generate a quote with a
 * rate-lookup tool and a calculator, all in one llmobs task.
 */
@NullMarked
package io.llmobs.sample.shipping;

import org.jspecify.annotations.NullMarked;
