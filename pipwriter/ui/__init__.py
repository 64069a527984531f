"""The Qt user interface: thin widgets that show and edit the model."""
