namespace SalesCrm.Core.Messaging;

public enum MessageType { Text, Image, Audio, Video, Document, Location, Interactive, Button, Template, Sticker, Unsupported, Contacts, Order }
