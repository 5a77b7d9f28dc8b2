"""Deployment tooling: the shipped Varnish VCL and a scripted scale-out stack for checks and benchmarks."""
