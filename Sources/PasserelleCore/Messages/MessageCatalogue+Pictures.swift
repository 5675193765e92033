extension MessageCatalogue {
  /// Why an article's picture is not sent.
  static let pictures: [MessageKey: MessageTemplate] = [
    .pictureNotFound: MessageTemplate(
      "Aucune image nommée {name} dans les dossiers d'images : produit envoyé sans image. Copier l'image dans un dossier d'images ou corriger le chemin dans la fiche article.",
      "No picture named {name} in the image folders: product sent without it. Copy the picture into an image folder or correct the path in the article's record."
    ),
    .pictureCannotOpen: MessageTemplate(
      "Impossible d'ouvrir l'image {path} ({system}) : vérifier ses droits.",
      "Cannot open the picture {path} ({system}): check its permissions."
    ),
    .pictureCannotRead: MessageTemplate(
      "Impossible de lire l'image {path} ({system}).", "Cannot read the picture {path} ({system})."
    ),
    .pictureNoLongerRegular: MessageTemplate(
      "L'image {path} n'est plus un fichier ordinaire.",
      "The picture {path} is no longer a regular file."
    ),
    .pictureGrew: MessageTemplate(
      "L'image {path} a dépassé la taille permise pendant sa lecture.",
      "The picture {path} grew past the size limit while it was read."
    ),
    .pictureLinkDangling: MessageTemplate(
      "L'image est un lien vers un fichier qui n'existe pas.",
      "The picture is a link to a file that does not exist."
    ),
    .pictureLinkOutside: MessageTemplate(
      "L'image est un lien vers un fichier hors des dossiers d'images : copier l'image elle-même dans le dossier.",
      "The picture is a link to a file outside the image folders: copy the picture itself into the folder."
    ),
    .pictureLinkNotFile: MessageTemplate(
      "L'image est un lien vers autre chose qu'un fichier.",
      "The picture is a link to something that is not a file."
    ),
    .pictureIsFolder: MessageTemplate(
      "L'image est un dossier, pas un fichier.", "The picture is a folder, not a file."
    ),
    .pictureNotRegular: MessageTemplate(
      "L'image n'est pas un fichier ordinaire (périphérique, tube ou socket).",
      "The picture is not a regular file (a device, pipe or socket)."
    ),
    .pictureTooLarge: MessageTemplate(
      "L'image fait {size} ; la limite est de {limit}. La réduire, ou relever la limite dans les réglages.",
      "The picture is {size}; the limit is {limit}. Make it smaller, or raise the limit in the settings."
    ),
    .picturePathEmpty: MessageTemplate(
      "Le chemin de l'image est vide.", "The picture path is empty."),
    .picturePathControl: MessageTemplate(
      "Le chemin de l'image contient un caractère de contrôle ({character}) ; seul un nom de fichier simple peut être cherché.",
      "The picture path contains a control character ({character}); only a plain file name can be looked up."
    ),
    .picturePathFolder: MessageTemplate(
      "Le chemin de l'image finit par un séparateur : il désigne un dossier, pas un fichier.",
      "The picture path ends in a separator, so it names a folder, not a file."
    ),
    .picturePathDots: MessageTemplate(
      "Le chemin de l'image finit par « {name} » ; seul un nom de fichier des dossiers d'images est utilisé.",
      "The picture path ends in '{name}'; only a file name inside the image folders is used."
    ),
    .picturePathTooLong: MessageTemplate(
      "Le nom du fichier image fait {count} octets ; la limite est de {limit}.",
      "The picture file name is {count} bytes long; the limit is {limit}."
    ),
    .picturePathNoExtension: MessageTemplate(
      "Le nom du fichier image « {name} » n'a pas d'extension ; attendu : {expected}.",
      "The picture file name '{name}' has no extension; expected one of {expected}."
    ),
    .picturePathNotPicture: MessageTemplate(
      "« {name} » n'est pas un fichier image ; attendu : {expected}.",
      "'{name}' is not a picture file; expected one of {expected}."
    ),
  ]
}
