package dev.bertlab.engine.predict;

import dev.bertlab.engine.tokenize.EncodedText;
import java.util.List;

/** One forward pass without gradients over a batch of encoded texts: the head's raw output per text. */
public interface BatchForward {

    float[][] forward(List<EncodedText> batch);
}
