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
from .explore_start import line_data, mean_squared_error, draw_guess_the_function, guess_the_function_explorer
from .mnist import load_mnist
from .polyfit import design_matrix, fit_polynomial, predict_polynomial, rms_error, gradient_descent_fit, plot_fit, draw_polyfit, polyfit_explorer
from .linalg import vector_norm, matrix_norm, gram_schmidt, positive_diagonal, unit_ball_mask, draw_unit_balls, low_rank, draw_svd, svd_explorer
