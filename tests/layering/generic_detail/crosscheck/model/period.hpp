// a model header
