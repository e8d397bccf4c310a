#!/usr/bin/env python3
"""Checks that Hugging Face transformers loads a model BertLab exported and computes the Java engine's logits.

The fixture comes from the test TransformersParityFixtureTest (mvn test -Dtest=TransformersParityFixtureTest),
which fine-tunes a tiny BERT (2 layers, hidden 32) for a few steps, exports it in Hugging Face's layout to
target/hf-parity/model and records the Java engine's input ids and logits for a few texts in
target/hf-parity/expected.json. Run: python3 tools/hf-parity/check_transformers.py target/hf-parity
"""
import json
import sys

import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer


def main(fixture: str) -> int:
    import transformers
    with open(f"{fixture}/expected.json") as f:
        expected = json.load(f)
    model = AutoModelForSequenceClassification.from_pretrained(f"{fixture}/model").eval()
    tokenizer = AutoTokenizer.from_pretrained(f"{fixture}/model")
    print(f"torch {torch.__version__}, transformers {transformers.__version__}")
    print(f"loaded {type(model).__name__}, labels {model.config.id2label}, tokenizer {type(tokenizer).__name__}")
    # the Java engine ran on the CPU; transformers runs the same weights on every device this machine has
    devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    worst_ids, worst_logit = 0, 0.0
    for device in devices:
        on_device = model.to(device)
        if device == "cuda":
            print(f"cuda: {torch.cuda.get_device_name(0)}")
        for text, ids, logits in zip(expected["texts"], expected["input_ids"], expected["logits"]):
            encoded = tokenizer(text, return_tensors="pt")
            same_ids = encoded["input_ids"][0].tolist() == ids
            worst_ids += 0 if same_ids else 1
            with torch.no_grad():
                ours = on_device(input_ids=torch.tensor([ids], device=device)).logits[0].cpu()
            diff = (ours - torch.tensor(logits)).abs().max().item()
            worst_logit = max(worst_logit, diff)
            print(f"{device} {text!r}: ids {'equal' if same_ids else 'DIFFER'}, transformers {ours.tolist()}, "
                  f"java {logits}, max |diff| {diff:.2e}")
    ok = worst_ids == 0 and worst_logit < 1e-4
    print(f"{'PASS' if ok else 'FAIL'} on {', '.join(devices)}: token ids differ for {worst_ids} text(s), largest "
          f"logit difference {worst_logit:.2e} (tolerance 1e-4)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "target/hf-parity"))
