"""A coalition's local vision: adopted building blocks, goals, actions and the council-ready documents."""
