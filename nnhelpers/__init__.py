"""nnhelpers: the small helper package behind Hands-on Neural Networks (动手学神经网络).

Every function is first written out inline in a notebook; afterwards the
notebooks import it from here. Nothing happens at import time.
"""
from .activations import (step, step_prime, sigmoid, sigmoid_prime, tanh, tanh_prime,
                          relu, relu_prime, softmax, softmax_prime, logit, safe_log)
from .check import check
from .datasets import make_circle, make_xor, make_gaussians, make_spiral, make_sine, one_hot
from .explorer import Explorer, explorer, render_png, slider
from .gradcheck import numerical_gradient, relative_error
from .mlp import MLP
from .network import NeuralNetwork
from .notebook import setup_notebook
from .plotting import COLORS, apply_style, draw_network, new_figure, plot_decision_boundary

# --- modules added by the course's notebooks (one line each; keep this block last) ---
from .explore_start import LINE_W, LINE_B, line_data, mean_squared_error, draw_guess_the_function, guess_the_function_explorer
from .mnist import load_mnist
from .polyfit import design_matrix, fit_polynomial, predict_polynomial, rms_error, gradient_descent_fit, coefficient_table, plot_fit, draw_polyfit, polyfit_explorer
from .linalg import vector_norm, matrix_norm, gram_schmidt, positive_diagonal, unit_ball_mask, draw_unit_balls, low_rank, draw_svd, svd_explorer
from .descent import error_curve, error_curve_slope, two_minima, two_minima_gradient, gradient_descent_1d, descend_2d, verdict_1d, classify_end
from .explore_descent import draw_descent_1d, explore_descent_1d, draw_descent_2d, explore_descent_2d
from .explore_neurons import (KM_PER_MILE, correct_constant, train_slope, make_bugs, misclassified, draw_predicting_machine, predicting_machine_explorer, draw_classifier, classifier_explorer, draw_slope_steps, slope_steps_explorer, GATES, truth_table, logic_unit, xnor_network, fewest_line_mistakes, draw_gate_lines, draw_neuron_schematic)
from .explore_activation import (shaped_activation, draw_activation, activation_explorer, neuron_points, draw_neuron, neuron_explorer, draw_softmax, softmax_explorer)
from .digits import scale_pixels, digit_targets, to_gray, center_of_mass, preprocess_digit, confusion_matrix
from .digit_training import flatten_images, train_network, query_all, score_card, accuracy
from .digit_plots import show_digits, plot_confusion, show_mistakes, show_backqueries
from .handwriting import Prediction, predict_drawing, draw_prediction, sketch_digit, image_from_bytes
from .drawpad import drawing_pad, upload_digit
from .explore_signals import forward_pass, forward_rows, draw_signals, signals_explorer
from .explore_backprop import split_shares, hidden_errors, hidden_gradient, ComparisonTable, compare_hidden_errors, draw_error_split, error_split_explorer
from .augment import shift_images, random_shift, random_shifts, rotate_images
from .prepare import scale_to_range, standardise, dummy_variables
from .playground_model import PlaygroundModel
from .playground_draw import draw_playground, update_playground
from .playground import Playground, playground
