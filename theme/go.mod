module github.com/neuralml/labsite/theme

go 1.26
