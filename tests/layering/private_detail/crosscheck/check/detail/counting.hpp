// check private machinery
