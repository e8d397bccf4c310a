#!/usr/bin/python3
"""Reference values for the evaluation-metric tests (dev.bertlab.engine.eval).

Run with Debian's scikit-learn (apt-get install -y python3-sklearn; /usr/bin/python3):

    /usr/bin/python3 src/test/resources/eval/sklearn_reference.py

The Java tests hard-code what this prints. Probabilities are given as float32 (what the trainer produces)
and widened to float64 before any metric, exactly as the Java code widens float to double, so both sides
compute from identical inputs in double precision. Labels are passed explicitly so that classes absent
from gold or predictions still count (macro averages, confusion matrix), and log_loss uses sklearn 1.2's
default eps=1e-15, passed explicitly so that newer versions (default "auto") give the same numbers.
"""
import numpy as np
import sklearn
from sklearn import metrics

EPS = 1e-15


def probabilities(rows):
    return np.array(rows, dtype=np.float32).astype(np.float64)


def show(name, value):
    if isinstance(value, np.ndarray):
        value = value.tolist()
    elif isinstance(value, (np.floating, np.integer)):
        value = value.item()
    print(f"  {name} = {value!r}")


def classification(title, gold, rows):
    gold = np.array(gold)
    p = probabilities(rows)
    labels = list(range(p.shape[1]))
    predicted = np.argmax(p, axis=1)  # ties to the lowest index
    print(title)
    show("predicted", predicted)
    show("accuracy", metrics.accuracy_score(gold, predicted))
    if len(labels) == 2:
        for average in ("binary",):
            prf = metrics.precision_recall_fscore_support(gold, predicted, labels=labels, average=average,
                                                          pos_label=1, zero_division=0)
            show("precision", prf[0])
            show("recall", prf[1])
            show("f1", prf[2])
    for average in ("macro", "weighted"):
        prf = metrics.precision_recall_fscore_support(gold, predicted, labels=labels, average=average,
                                                      zero_division=0)
        show(f"precision_{average}", prf[0])
        show(f"recall_{average}", prf[1])
        show(f"f1_{average}", prf[2])
    show("log_loss", metrics.log_loss(gold, p, labels=labels, eps=EPS))
    if len(labels) == 2:
        if len(np.unique(gold)) == 2:
            show("roc_auc", metrics.roc_auc_score(gold, p[:, 1]))
            fpr, tpr, thresholds = metrics.roc_curve(gold, p[:, 1], drop_intermediate=False)
            show("roc_fpr", fpr)
            show("roc_tpr", tpr)
            # thresholds[0] is sklearn 1.2's max+1 (inf from 1.3): the Java code uses +inf, compare from index 1
            show("roc_thresholds[1:]", thresholds[1:])
        else:
            show("roc_auc", None)  # roc_auc_score raises: only one class present in y_true
    else:
        # one-vs-rest curve area of each class that occurs in gold (what RocCurve.ofClass computes)
        show("roc_auc_one_vs_rest", [metrics.roc_auc_score(gold == c, p[:, c]) if 0 < np.sum(gold == c) < len(gold)
                                     else None for c in labels])
    show("confusion_matrix", metrics.confusion_matrix(gold, predicted, labels=labels))
    per_class = metrics.precision_recall_fscore_support(gold, predicted, labels=labels, average=None,
                                                        zero_division=0)
    show("per_class_precision", per_class[0])
    show("per_class_recall", per_class[1])
    show("per_class_f1", per_class[2])
    show("per_class_support", per_class[3])
    print()


def regression(title, gold, predicted):
    gold = np.array(gold, dtype=np.float64)
    predicted = np.array(predicted, dtype=np.float64)
    print(title)
    show("mse", metrics.mean_squared_error(gold, predicted))
    show("mae", metrics.mean_absolute_error(gold, predicted))
    show("r2", metrics.r2_score(gold, predicted))  # force_finite=True is the default
    print()


print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}")
print()

classification(
    "binary balanced",
    [0, 1, 1, 0, 1, 0, 0, 1, 1, 0],
    [[0.9, 0.1], [0.3, 0.7], [0.2, 0.8], [0.6, 0.4], [0.55, 0.45],
     [0.35, 0.65], [0.8, 0.2], [0.05, 0.95], [0.4, 0.6], [0.7, 0.3]])

# class 1 is never predicted (its probability never exceeds 0.5; 0.5/0.5 goes to class 0), scores tie,
# and one row gives the gold class probability 0 so that log loss clips it to eps
classification(
    "binary ties, class 1 never predicted",
    [0, 1, 0, 1, 1, 0, 0, 1],
    [[0.7, 0.3], [0.5, 0.5], [0.5, 0.5], [0.7, 0.3], [1.0, 0.0],
     [0.6, 0.4], [0.9, 0.1], [0.6, 0.4]])

# 7/4/1 examples; the last row does not sum to 1 (log loss renormalizes it)
classification(
    "three classes imbalanced",
    [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2],
    [[0.8, 0.15, 0.05], [0.6, 0.3, 0.1], [0.4, 0.5, 0.1], [0.7, 0.2, 0.1], [0.5, 0.1, 0.4],
     [0.9, 0.05, 0.05], [0.3, 0.3, 0.4], [0.2, 0.7, 0.1], [0.6, 0.3, 0.1], [0.1, 0.8, 0.1],
     [0.25, 0.5, 0.25], [0.2, 0.2, 0.2]])

# class 2 appears in no gold label but is predicted once
classification(
    "three classes, class 2 never in gold",
    [0, 1, 0, 1, 0],
    [[0.6, 0.3, 0.1], [0.2, 0.7, 0.1], [0.3, 0.3, 0.4], [0.45, 0.45, 0.1], [0.8, 0.1, 0.1]])

classification(
    "binary, gold all class 0",
    [0, 0, 0, 0],
    [[0.9, 0.1], [0.4, 0.6], [0.7, 0.3], [0.99, 0.01]])

regression(
    "regression",
    [3.0, -0.5, 2.0, 7.0, 4.25, 0.0],
    [2.5, 0.0, 2.0, 8.0, 3.75, -0.125])

regression(
    "regression, constant gold, imperfect predictions",
    [2.0, 2.0, 2.0, 2.0],
    [2.0, 2.5, 1.5, 2.0])

regression(
    "regression, constant gold, perfect predictions",
    [2.0, 2.0, 2.0],
    [2.0, 2.0, 2.0])
